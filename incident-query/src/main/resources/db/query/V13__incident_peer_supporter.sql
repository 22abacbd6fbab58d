-- The peer supporter a team leader assigned to give first support, who may then read the report. Rows from
-- before have none until the incidents view is rebuilt from the event store (/admin/projections).
alter table incident_view add column peer_supporter varchar(64);
