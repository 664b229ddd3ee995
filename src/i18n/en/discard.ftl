# Esc over a form with typing not saved yet.
discard-ask = Discard what you typed in this form? It is not saved.
