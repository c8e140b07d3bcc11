"""Notes confidentielles: encrypted, readable by their author and the
colleagues they are explicitly shared with, every read audited."""
