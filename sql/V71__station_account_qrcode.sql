-- A station keeps two codes: the mini-program code (page pages/station/detail/index) and the official account's
-- parametric QR code (page 'mp:qrcode'), both with scene st=CODE.
ALTER TABLE station_qrcode DROP PRIMARY KEY, ADD PRIMARY KEY (station_id, page);
