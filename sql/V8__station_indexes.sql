-- Nearby stations look in a latitude/longitude box first (StationMapper.nearest): a range on the index, not every station.
CREATE INDEX idx_station_lat_lng ON station (latitude, longitude);
