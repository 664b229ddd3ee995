# The shipment from a declaration file, prefills, custody reasons.
profile-decl-title = Shipment from a declaration file
profile-decl-ask = Declaration file (JSON with a shipment part, as record import reads)
profile-decl-hint = Tab completes the name · Enter fills the shipment form · Esc cancels
profile-decl-empty-path = file: give the path of the declaration file
profile-decl-unreadable = file: { $path } cannot be read ({ $reason }); nothing changed
profile-decl-bad = declaration file: { $problem }; nothing changed
profile-decl-done = Shipment { $no } filled from the declaration: check every field before finalizing
action-import_declaration = fill the shipment form from a declaration file (record-import JSON)
key-import-declaration = shipment from a declaration file
cust-reason-storage = Moved to storage pending case handling
cust-reason-case = Transferred for case handling
cust-reason-lab = Sent to the laboratory
cust-reason-released = Released to the exporter
cust-reason-returned = Returned
