"""One reader per document parser's JSON: each turns the tool's output into `base.RawPage`s."""
