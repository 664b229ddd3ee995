# Words of the receipt's legal basis, the CLI's screening and the console's counts and units.
receipt-basis-cited = { $name } [{ $cite }]
receipt-no-seizure = inspection { $id } has no seizure to give a receipt for
ships-title-exact = { $filtered ->
    [yes] Shipments · { $count } matching
   *[no] Shipments · { $count } in the log
}
ships-title-over = { $filtered ->
    [yes] Shipments · over { $count } matching
   *[no] Shipments · over { $count } in the log
}
ships-title-at-least = Shipments · at least { $count } matching
ships-title-page = { $shown } shown
sync-col-declaration = declaration no.
sync-kind-inspection = inspection
sync-kind-custody_event = custody transfer
