# The officer's forms: pickers, completion, the tab keys in a form, leaving a form.
key-tabs-function = tabs (F2 Rules … F6 Review)
form-pick-hint = type to narrow, Enter: list
