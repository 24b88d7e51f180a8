# mynapin's messages in English: the reference catalogue. Every other language declares
# the same messages with the same variables ({ $name }); the tests check it.
#
# Ids are grouped by where they are shown: common-, status-, change-, guide-, error-,
# doctor-, readers-, help- (command-line help), clap- (command-line errors), sim-, profile-.

## Shared vocabulary

# Joins the items of a list: "a, b, c".
list-separator = {", "}
