"""The district mode: review queue, proxy work, supervision, ratings, reports."""
