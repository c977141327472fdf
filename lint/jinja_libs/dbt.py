"""sqlfluff's jinja templater: stand-ins for dbt's cross-database macros (`dbt.<macro>`), rendered the way
dbt-duckdb renders them, so that the linted SQL is the SQL that runs. Only for linting; dbt never imports this."""


def type_string():
    return "varchar"


def type_int():
    return "integer"


def type_bigint():
    return "bigint"


def type_numeric():
    return "numeric(28,6)"


def type_float():
    return "double"


def type_timestamp():
    return "timestamp"


def type_boolean():
    return "boolean"


def safe_cast(field, type):
    return f"try_cast({field} as {type})"


def datediff(first_date, second_date, datepart):
    return f"date_diff('{datepart}', {first_date}, {second_date})"


def dateadd(datepart, interval, from_date_or_timestamp):
    return f"date_add({from_date_or_timestamp}, interval ({interval}) {datepart})"


def date_trunc(datepart, date):
    return f"date_trunc('{datepart}', {date})"


def last_day(date, datepart):
    return f"last_day({date})"


def listagg(measure, delimiter_text="','", order_by_clause=None, limit_num=None):
    order = f" {order_by_clause}" if order_by_clause else ""
    return f"string_agg({measure}, {delimiter_text}{order})"


def bool_or(expression):
    return f"bool_or({expression})"


def concat(fields):
    return " || ".join(fields)


def hash(field):  # noqa: A001 - mirrors dbt's macro name
    return f"md5(cast({field} as varchar))"


def string_literal(value):
    return f"'{value}'"


def current_timestamp():
    return "now()"


def split_part(string_text, delimiter_text, part_number):
    return f"split_part({string_text}, {delimiter_text}, {part_number})"
