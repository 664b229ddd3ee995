-- Migration 13: the review desk searched and counted without reading the shipment log.
-- * review_desk_fts: the free text of each desk row (its shipment's declaration number,
--   exporter, consignee, end user, description, HS code and containers: the columns and
--   the tokenizer of shipments_fts, so that a word finds exactly the desk rows it found
--   through the log's index), rowid = the desk row's rowid; contentless (the text stays
--   in shipments). The default unicode61 tokenizer, as shipments_fts: CJK text matches
--   as it did (a run of Han characters is one token, its prefix query finds it); a
--   trigram tokenizer would match substrings the log's search never did and nothing
--   shorter than three characters. Prefix indexes up to 10 characters (the log's stop at
--   6): a typed word such as `gallium` or `tungsten` is matched as a prefix, and without
--   its own prefix index that merges every term it begins (3x the time of one term).
-- * review_desk_tally: how many desk rows hold each value of each equality term of the
--   queue's filter (officer badge, device, port, family, verdicts, outcome, seized) and
--   how many were received on each day, so that a single term's count in the title and
--   the choice of the index to page by cost one lookup.
-- * review_desk_declared_days: per declared day, its desk rows and the first and last
--   time one of them was received, so that `from:`/`to:` count in one small scan and the
--   page by received date starts where their rows are.
-- All three kept by triggers on review_desk (rows are only ever added); filled here.
CREATE VIRTUAL TABLE review_desk_fts USING fts5 (
    declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos,
    content = '', prefix = '3 4 5 6 7 8 9 10'
);
CREATE TRIGGER review_desk_fts_ai AFTER INSERT ON review_desk BEGIN
    INSERT INTO review_desk_fts (rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    SELECT NEW.rowid, s.declaration_no, s.exporter_name, s.consignee, s.end_user, s.description, s.hs_code, s.container_nos
    FROM shipments s WHERE s.id = NEW.shipment_id;
END;
CREATE TABLE review_desk_tally (
    term  TEXT NOT NULL,
    value TEXT NOT NULL,
    n     INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (term, value)
) STRICT, WITHOUT ROWID;
CREATE TABLE review_desk_declared_days (
    declared_on    TEXT PRIMARY KEY,
    n              INTEGER NOT NULL CHECK (n >= 0),
    first_received TEXT NOT NULL,
    last_received  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TRIGGER review_desk_tallied AFTER INSERT ON review_desk BEGIN
    INSERT INTO review_desk_tally (term, value, n) VALUES
        ('officer', NEW.officer_badge, 1), ('device', NEW.device_id, 1), ('port', NEW.locode, 1),
        ('family', NEW.family, 1), ('verdict', NEW.declared_verdict, 1),
        ('found', NEW.found_verdict, 1), ('outcome', NEW.outcome, 1),
        ('seized', CAST(NEW.seized AS TEXT), 1), ('received', substr(NEW.received_at, 1, 10), 1)
    ON CONFLICT (term, value) DO UPDATE SET n = n + 1;
    INSERT INTO review_desk_declared_days (declared_on, n, first_received, last_received)
    VALUES (NEW.declared_on, 1, NEW.received_at, NEW.received_at)
    ON CONFLICT (declared_on) DO UPDATE SET n = n + 1,
        first_received = min(first_received, excluded.first_received),
        last_received = max(last_received, excluded.last_received);
END;
INSERT INTO review_desk_fts (rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    SELECT d.rowid, s.declaration_no, s.exporter_name, s.consignee, s.end_user, s.description, s.hs_code, s.container_nos
    FROM review_desk d JOIN shipments s ON s.id = d.shipment_id;
INSERT INTO review_desk_tally (term, value, n)
    SELECT 'officer', officer_badge, count(*) FROM review_desk GROUP BY officer_badge
    UNION ALL SELECT 'device', device_id, count(*) FROM review_desk GROUP BY device_id
    UNION ALL SELECT 'port', locode, count(*) FROM review_desk GROUP BY locode
    UNION ALL SELECT 'family', family, count(*) FROM review_desk GROUP BY family
    UNION ALL SELECT 'verdict', declared_verdict, count(*) FROM review_desk GROUP BY declared_verdict
    UNION ALL SELECT 'found', found_verdict, count(*) FROM review_desk GROUP BY found_verdict
    UNION ALL SELECT 'outcome', outcome, count(*) FROM review_desk GROUP BY outcome
    UNION ALL SELECT 'seized', CAST(seized AS TEXT), count(*) FROM review_desk GROUP BY seized
    UNION ALL SELECT 'received', substr(received_at, 1, 10), count(*) FROM review_desk GROUP BY substr(received_at, 1, 10);
INSERT INTO review_desk_declared_days (declared_on, n, first_received, last_received)
    SELECT declared_on, count(*), min(received_at), max(received_at) FROM review_desk GROUP BY declared_on;
