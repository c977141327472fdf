{#- Exact money arithmetic for KPB. Amounts are allocated in öre (integers); a product of two öre amounts can
    exceed 64 bits, so it is taken in a 128-bit integer type; integer division is dispatched (DuckDB //, Spark div).
    No decimal / decimal division anywhere: DuckDB turns it into DOUBLE.
    The dispatching macros fall back to the DuckDB form when there is no `adapter` (sqlfluff's jinja templater), so
    that the models can be linted without a database. -#}

{#- a 128-bit integer type: DuckDB hugeint, elsewhere decimal(38,0) -#}
{% macro kpb_typ_heltal128() -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('kpb_typ_heltal128', 'kommunanalys')()) }}
    {%- else -%}
        {{ return(duckdb__kpb_typ_heltal128()) }}
    {%- endif -%}
{%- endmacro %}
{% macro default__kpb_typ_heltal128() -%}decimal(38,0){%- endmacro %}
{% macro duckdb__kpb_typ_heltal128() -%}hugeint{%- endmacro %}

{#- integer division truncating toward zero, for non-negative integer operands -#}
{% macro kpb_heltalsdivision(taljare, namnare) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('kpb_heltalsdivision', 'kommunanalys')(taljare, namnare)) }}
    {%- else -%}
        {{ return(duckdb__kpb_heltalsdivision(taljare, namnare)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__kpb_heltalsdivision(taljare, namnare) -%}(({{ taljare }}) div ({{ namnare }})){%- endmacro %}
{% macro duckdb__kpb_heltalsdivision(taljare, namnare) -%}(({{ taljare }}) // ({{ namnare }})){%- endmacro %}

{#- kronor (decimal(18,2)) -> öre (bigint), exact -#}
{% macro kpb_till_ore(belopp) -%}
    cast({{ belopp }} * 100 as bigint)
{%- endmacro %}

{#- öre (integer) -> kronor decimal(18,2), exact -#}
{% macro kpb_till_kronor(ore) -%}
    cast(cast({{ ore }} as decimal(18, 0)) * cast(0.01 as decimal(3, 2)) as decimal(18, 2))
{%- endmacro %}

{#- a decimal with 4 decimals (volume, staff hours) -> integer in ten-thousandths, exact -#}
{% macro kpb_till_tiotusendelar(varde) -%}
    cast({{ varde }} * 10000 as bigint)
{%- endmacro %}

{#- round(taljare / namnare, skala) for INTEGER operands, half away from zero, as decimal(18, skala) — exact and
    identical on every engine. NULL when namnare is 0 or NULL. -#}
{% macro kpb_kvot(taljare, namnare, skala=4) -%}
    {%- set t = "cast(" ~ taljare ~ " as " ~ kpb_typ_heltal128() ~ ") * " ~ (10 ** skala) -%}
    {%- set n = "cast(" ~ namnare ~ " as " ~ kpb_typ_heltal128() ~ ")" -%}
    case
        when {{ namnare }} <> 0 then cast(
            cast(
                sign({{ t }}) * sign({{ n }})
                * {{ kpb_heltalsdivision("2 * abs(" ~ t ~ ") + abs(" ~ n ~ ")", "2 * abs(" ~ n ~ ")") }}
                as decimal(18, 0)
            )
            * cast({{ '0.' ~ ('0' * (skala - 1)) ~ '1' if skala > 0 else '1' }} as decimal({{ skala + 1 }}, {{ skala }}))
            as decimal(18, {{ skala }})
        )
    end
{%- endmacro %}

{#- belopp × taljare / namnare for öre amounts, rounded half away from zero to whole öre (kpb_kvot, skala 0): the
    product of two öre amounts taken in a 128-bit integer (it can exceed 64 bits). NULL when namnare is 0. -#}
{% macro kpb_skalat_ore(belopp, taljare, namnare) -%}
    {{ kpb_kvot('cast(' ~ belopp ~ ' as ' ~ kpb_typ_heltal128() ~ ') * ' ~ taljare, namnare, 0) }}
{%- endmacro %}

{#- a share (decimal(18,6), e.g. 0.34) -> integer in millionths, exact -#}
{% macro kpb_andel_till_miljondelar(andel) -%}
    cast({{ andel }} * 1000000 as bigint)
{%- endmacro %}
