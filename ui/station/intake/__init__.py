"""The 受理 page: matter, applicant, form, checklist and the decision."""
