# The drafts list and resuming a draft where it was last edited.
editor-saving-focus = remembering where the draft was edited: { $error }
drafts-untitled = (untitled draft)
