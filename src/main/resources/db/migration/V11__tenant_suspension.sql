-- A platform operator can suspend a tenant: its staff, API tokens and widget are refused until it is resumed.
ALTER TABLE tenant ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
