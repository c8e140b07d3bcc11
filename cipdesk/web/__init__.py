"""Web plumbing shared by every module: rendering pages or htmx fragments,
security headers, error pages, template filters."""
