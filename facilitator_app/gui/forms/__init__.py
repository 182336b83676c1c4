"""Generated from forms/*.ui by facilitator_app.build_resources."""
