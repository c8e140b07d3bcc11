"""Every printed document of cipdesk (PDF) is built on `documents.base.Document`."""
