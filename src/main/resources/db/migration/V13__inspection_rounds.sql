-- Inspection rounds (汛前检查 / 督导检查): a checklist per site kind kept by admins; a round answers a
-- snapshot of it at one site; closing turns every problem into a hazard assigned to the site's unit.
CREATE TABLE inspection_checklist_items (
  id         BIGSERIAL PRIMARY KEY,
  site_kind  TEXT NOT NULL CHECK (site_kind IN ('base', 'reservoir', 'waterlogging', 'reach')),
  position   INT NOT NULL CHECK (position >= 1),
  text_zh    TEXT NOT NULL,
  text_en    TEXT NOT NULL,
  UNIQUE (site_kind, position)
);

INSERT INTO inspection_checklist_items (site_kind, position, text_zh, text_en) VALUES
  ('base', 1, '抽查三种物资账实相符', 'Stock matches the ledger for three sampled items'),
  ('base', 2, '水泵能正常启动', 'Pumps start'),
  ('base', 3, '救生衣无破损', 'Life jackets undamaged'),
  ('base', 4, '进出道路畅通', 'Access road clear'),
  ('reservoir', 1, '溢洪道畅通无阻', 'Spillway clear'),
  ('reservoir', 2, '水尺清晰可读', 'Gauge readable'),
  ('reservoir', 3, '未超汛限水位运行', 'Flood-limit level respected'),
  ('waterlogging', 1, '排涝泵到位', 'Pumps in place'),
  ('waterlogging', 2, '排水口畅通', 'Drains clear'),
  ('waterlogging', 3, '警示标志齐全', 'Warning signs in place'),
  ('reach', 1, '堤岸完好', 'Banks intact'),
  ('reach', 2, '无乱堆乱倒', 'No dumping'),
  ('reach', 3, '公示牌完好', 'Signs in place');

CREATE TABLE inspection_rounds (
  id            BIGSERIAL PRIMARY KEY,
  site_kind     TEXT NOT NULL CHECK (site_kind IN ('base', 'reservoir', 'waterlogging', 'reach')),
  site_id       BIGINT NOT NULL,
  site_name_zh  TEXT NOT NULL,
  site_name_en  TEXT NOT NULL,
  unit_id       BIGINT NOT NULL REFERENCES units (id),
  lat           DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon           DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  note          TEXT,
  opened_by     BIGINT NOT NULL REFERENCES users (id),
  opened_at     TIMESTAMPTZ NOT NULL,
  closed_by     BIGINT REFERENCES users (id),
  closed_at     TIMESTAMPTZ
);
CREATE INDEX inspection_rounds_site_idx ON inspection_rounds (site_kind, site_id, opened_at DESC);
CREATE INDEX inspection_rounds_closed_idx ON inspection_rounds (closed_at);

-- One line per checklist item of the round, copied when the round opens so later checklist edits
-- do not rewrite what was inspected.
CREATE TABLE inspection_answers (
  round_id            BIGINT NOT NULL REFERENCES inspection_rounds (id),
  position            INT NOT NULL,
  text_zh             TEXT NOT NULL,
  text_en             TEXT NOT NULL,
  result              TEXT CHECK (result IN ('ok', 'problem')),
  severity            TEXT CHECK (severity IN ('low', 'medium', 'high')),
  note                TEXT,
  photo_content_type  TEXT CHECK (photo_content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  photo               BYTEA,
  answered_by         BIGINT REFERENCES users (id),
  answered_at         TIMESTAMPTZ,
  hazard_id           BIGINT REFERENCES hazards (id),
  PRIMARY KEY (round_id, position)
);

-- The photo of a receipt's delivery note (送货单), one per movement; the ledger row itself stays untouched.
CREATE TABLE movement_photos (
  movement_id   BIGINT PRIMARY KEY REFERENCES stock_movements (id),
  content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes    INT NOT NULL,
  data          BYTEA NOT NULL,
  uploaded_by   BIGINT NOT NULL REFERENCES users (id),
  uploaded_at   TIMESTAMPTZ NOT NULL
);
