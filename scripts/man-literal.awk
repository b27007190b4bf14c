# The man page ArgumentParser's generate-manual writes, made to read as written (scripts/stage.sh): a discussion's
# example lines (indented two spaces) become literal blocks instead of being reflowed, and its blank lines
# paragraph breaks (mdoc warns on every blank input line: `man docs-audit` printed ten such warnings).
/^  / {
  if (!literal) { print ".Bd -literal"; literal = 1 }
  line = substr($0, 3)
  if (line ~ /^[.']/) line = "\\&" line
  print line
  next
}
literal { print ".Ed"; literal = 0 }
/^$/ { print ".Pp"; next }
{ print }
END { if (literal) print ".Ed" }
