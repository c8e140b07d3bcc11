"""Access policy, encryption, audit, passwords and throttling."""
