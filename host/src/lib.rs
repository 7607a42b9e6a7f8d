//! Library behind the `epitome` command-line tool.
