-- Where a reach sits on the site map: its first point, kept from its GeoJSON LineString so that the map can
-- pick and count the reaches inside a view box in SQL (a province has 60,000 reaches; the board's map asks by its
-- view and gets grid counts when too many reaches fall inside).
ALTER TABLE reaches
  ADD COLUMN map_lon DOUBLE PRECISION GENERATED ALWAYS AS ((geometry #>> '{coordinates,0,0}')::double precision) STORED,
  ADD COLUMN map_lat DOUBLE PRECISION GENERATED ALWAYS AS ((geometry #>> '{coordinates,0,1}')::double precision) STORED;
