"""Videos have no public forms: editors work in the admin (videos/admin.py), where the
model's own validation (videos/models.py, videos/uploads.py, videos/embeds.py) applies."""
