"""calspec: the LINE WORKS and Dooray calendar specs, and the tools that read them.

`calspec.core` loads the specs and their x-calspec-* extensions; `calspec.fake` is a stateful fake of
both APIs (`calspec-fake` serves it); `calspec.pytest_plugin` gives each test a fresh one in-process;
`calspec.contract` runs the schemathesis contract suite against any server.
"""
