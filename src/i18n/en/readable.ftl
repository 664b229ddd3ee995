# Words of the receipt's legal basis, the CLI's screening and the console's counts and units.
receipt-basis-cited = { $name } [{ $cite }]
receipt-no-seizure = inspection { $id } has no seizure to give a receipt for
