"""calspec generator: lint the OpenAPI specs and generate the typed clients from them."""
