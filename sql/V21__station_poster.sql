-- Printable posters, rendered once per station and drawn content (issue 10): content_key is the SHA-256 of
-- what the poster shows (code, name, street, community, layout), so an edit of any of them renders anew.
CREATE TABLE station_poster (
    station_id  BIGINT      NOT NULL,
    content_key CHAR(64)    NOT NULL,
    png         MEDIUMBLOB  NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (station_id),
    CONSTRAINT fk_station_poster_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
