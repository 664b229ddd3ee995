-- Migration 7: a shipment's intermediaries (forwarders, agents, traders between exporter and
-- end user; names separated by ';'), screened against the party lists with the consignee
-- and the end user. Frozen with the rest of the declared data once finalized, and hashed in
-- the chain payload from payload_version 2 (earlier payloads, without it, still verify).
ALTER TABLE shipments ADD COLUMN intermediaries TEXT NOT NULL DEFAULT '';
DROP TRIGGER shipments_immutable;
CREATE TRIGGER shipments_immutable BEFORE UPDATE OF
    id, state, declaration_no, declared_on, exporter_name, exporter_credit_code, consignee, end_user,
    end_use, destination, transshipment, transport_mode, container_nos, seal_nos, hs_code,
    description, composition, quantity, quantity_unit, net_weight_g, value_minor, currency,
    licence_no, amends, device_id, created_by, created_at, finalized_at, record_hash, intermediaries
ON shipments WHEN OLD.state = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finalized shipment is immutable; record an amendment instead');
END;
