{#- Personnummer and samordningsnummer (docs/contract/raw-extracts.md, "Formats"):
    twelve digits YYYYMMDDNNNC, optionally with '-' or '+' before the last four; samordningsnummer have day + 60.
    C is a Luhn check digit over the ten digits YYMMDDNNN C. These macros are used only in the first layer
    (staging base models); no later model sees a personnummer. -#}

{#- 'YYYYMMDD-NNNC' -> 'YYYYMMDDNNNC' (dash or plus removed); anything that is not twelve digits afterwards -> NULL -#}
{% macro pnr_normalize(expr) -%}
    case when {{ kommunanalys.regex_full_match(
            "replace(replace(trim(" ~ expr ~ "), '-', ''), '+', '')", '[0-9]{12}') }}
        then replace(replace(trim({{ expr }}), '-', ''), '+', '') end
{%- endmacro %}

{#- digit i (1-based) of a normalised personnummer as integer -#}
{% macro _pnr_digit(pnr, i) -%}
    cast(substr({{ pnr }}, {{ i }}, 1) as integer)
{%- endmacro %}

{#- Luhn over digits 3..12: weights 2,1,2,1,... from the left; a product over 9 counts its digit sum (p - 9) -#}
{% macro pnr_luhn_ok(pnr) -%}
    {#- one line per pair of digits: the doubled one, then the other -#}
    ((
    {%- for i in range(3, 13, 2) %}
        {%- set d = _pnr_digit(pnr, i) %}
        {%- set dubbel = 'case when ' ~ d ~ ' * 2 > 9 then ' ~ d ~ ' * 2 - 9 else ' ~ d ~ ' * 2 end' %}
        {{ dubbel }} + {{ _pnr_digit(pnr, i + 1) }}{{ ' +' if not loop.last }}
    {%- endfor %}
    ) % 10 = 0)
{%- endmacro %}

{% macro pnr_is_samordningsnummer(pnr) -%}
    (cast(substr({{ pnr }}, 7, 2) as integer) > 60)
{%- endmacro %}

{#- birth date from the first eight digits, day - 60 for samordningsnummer; an impossible date -> NULL -#}
{% macro pnr_birth_date(pnr) -%}
    {{ kommunanalys.safe_cast(
        "substr(" ~ pnr ~ ", 1, 4) || '-' || substr(" ~ pnr ~ ", 5, 2) || '-' || "
        ~ "lpad(cast(cast(substr(" ~ pnr ~ ", 7, 2) as integer) - case when " ~ kommunanalys.pnr_is_samordningsnummer(pnr)
        ~ " then 60 else 0 end as " ~ dbt.type_string() ~ "), 2, '0')",
        api.Column.translate_type('date')) }}
{%- endmacro %}

{#- 'man' when the second-to-last digit is odd, else 'kvinna' -#}
{% macro pnr_sex(pnr) -%}
    case when {{ _pnr_digit(pnr, 11) }} % 2 = 1 then 'man' else 'kvinna' end
{%- endmacro %}

{#- NULL when valid, else the reason (text) -#}
{% macro pnr_invalid_reason(raw_expr) -%}
    case
        when {{ kommunanalys.clean_text(raw_expr) }} is null then 'saknas'
        when {{ kommunanalys.pnr_normalize(raw_expr) }} is null then 'inte tolv siffror'
        when {{ kommunanalys.pnr_birth_date(kommunanalys.pnr_normalize(raw_expr)) }} is null then 'ogiltigt datum'
        when not {{ kommunanalys.pnr_luhn_ok(kommunanalys.pnr_normalize(raw_expr)) }} then 'fel kontrollsiffra'
    end
{%- endmacro %}

{#- true when the text holds something that looks like a personnummer or samordningsnummer in any spelling:
    twelve digits (19|20)YYMMDDNNNN or ten digits YYMMDDNNNN, with '-', '+' or nothing before the last four, month
    01-12, day 00-31 or 60-91, bounded by non-digits. Evaluated once per cell (staging_bas keeps it in a column). -#}
{% macro ser_ut_som_personnummer(expr) -%}
    coalesce({{ kommunanalys.regex_contains(expr,
        '(^|[^0-9])((19|20)?[0-9]{2}(0[1-9]|1[0-2])([0-3][0-9]|[6-8][0-9]|9[01])[-+]?[0-9]{4})([^0-9]|$)') }}, false)
{%- endmacro %}

{#- a raw value as shown in a quarantine reason: anything that looks like a personnummer is masked -#}
{% macro visat_varde(expr) -%}
    case when {{ kommunanalys.ser_ut_som_personnummer(expr) }} then '<maskerat personnummer>' else {{ expr }} end
{%- endmacro %}

{#- value, or NULL when the raw text looks like a personnummer (flag <kolumn>__pnr) -#}
{% macro utan_personnummer(kolumn, value) -%}
    {{ return('case when ' ~ kolumn ~ '__pnr then null else ' ~ value ~ ' end') }}
{%- endmacro %}
