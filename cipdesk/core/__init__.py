"""The platform core: configuration, database, errors, labels, dates, signals, the module contract."""
