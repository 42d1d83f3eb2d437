"""The site layer: MkDocs hooks and what they write into the built site."""
