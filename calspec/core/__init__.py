"""What every calspec tool needs from the specs: loading, formats, compiled operations, extensions and
the provider registry. The generator, the fake, the contract suite and the bench all import this; it
imports none of them."""
