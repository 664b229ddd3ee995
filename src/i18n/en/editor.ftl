# minspect en/editor.ftl: the record editor's messages and questions (src/tui/screens/record).
editor-custody-after-finalize = custody transfers are appended to the seizures of a finalized record
editor-custody-problem = custody transfer: { $problem }
editor-custody-ask = Append the transfer from { $from } to { $to } at { $at } to the chain? It cannot be undone.
