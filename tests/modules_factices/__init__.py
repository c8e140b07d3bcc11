"""Modules that exist only for tests: each is a package with a `module.py`, named in
`cipdesk.modules.MODULES` by a fixture, exactly as a real module would be (issue #9)."""
