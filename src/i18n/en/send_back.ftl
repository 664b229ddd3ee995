# A returned inspection on the officer's Record tab.
send-back-returned = returned: { $comment }
send-back-amend = { $key } amend: answer the return
