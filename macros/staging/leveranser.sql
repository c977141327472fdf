{#- Resolving the deliveries: a later file replaces a period or a key of an earlier one; a second row with the
    same key in one file is a duplicate (README, "Deliveries"). -#}

{#- Delivery semantics (README, "Deliveries"; contract docs/contract/raw-extracts.md). Files are deliveries, ordered
    by name (the path relative to the root): a later file is a later delivery.
    period_nyckel (SQL over the output columns, e.g. ['kommun_kod', 'period']): a period a later file delivers
    replaces the rows of that period in every earlier file (ersatt_av = the later file).
    nyckel (output columns): among the usable rows left, a key occurs once: the row of the latest file is used; a row
    of an earlier file with the same key is replaced (ersatt_av), a second row with the same key in the same file is
    quarantined ('dubblett'). Never summed. -#}
{% macro _stg_leveranser(prefix, nyckel, period_nyckel) -%}
    {%- set fil = prefix ~ '_fil' -%}
    {%- set rad = prefix ~ '_rad' -%}
    {%- if period_nyckel -%}
        {%- set period_sql = 'max(' ~ fil ~ ') over (partition by ' ~ (period_nyckel | join(', ')) ~ ')' -%}
    {%- else -%}
        {%- set period_sql = fil -%}
    {%- endif -%}
    {%- set anvandbar = 'karantan_orsak is null and ' ~ fil ~ ' = senaste_fil' -%}
    {%- if nyckel -%}
        {#- the rows of one key, usable ones apart, the latest file first -#}
        {%- set fonster = 'window nyckel as (partition by (' ~ anvandbar ~ '), ' ~ (nyckel | join(', '))
            ~ ' order by ' ~ fil ~ ' desc, ' ~ rad ~ ')' -%}
        {%- set nyckel_sql = 'case when ' ~ anvandbar ~ ' then row_number() over nyckel end as nyckel_nr,\n        '
            ~ 'first_value(' ~ fil ~ ') over nyckel as nyckel_fil,\n        first_value(' ~ rad
            ~ ') over nyckel as nyckel_rad' -%}
    {%- else -%}
        {%- set fonster = '' -%}
        {%- set nyckel_sql = 'cast(null as integer) as nyckel_nr, cast(null as ' ~ dbt.type_string()
            ~ ') as nyckel_fil, cast(null as integer) as nyckel_rad' -%}
    {%- endif -%}
    {%- set dubblett = 'nyckel_nr > 1 and nyckel_fil = ' ~ fil -%}
    {%- set nyckeltext = (nyckel | join(', ')) if nyckel else '' -%}
    {{ return({'period': period_sql, 'nyckel': nyckel_sql, 'fonster': fonster, 'dubblett': dubblett,
        'nyckeltext': nyckeltext,
        'forsta': (nyckel[0] if nyckel else '')}) }}
{%- endmacro %}

{#- the deliveries resolved over the rows of staging_rader (a relation), optionally only those where urval holds -#}
{% macro staging_leveranser(relation, prefix='kalla', nyckel=none, period_nyckel=none, urval=none) -%}
{#- the output columns of the rows' model, as built (at parse time: none) -#}
{%- set kolumner_ut = [] -%}
{%- if execute -%}
    {%- for c in adapter.get_columns_in_relation(relation) if c.name not in (prefix ~ '_fil', prefix ~ '_rad',
            prefix ~ '_fil_version', 'karantan_kolumn', 'karantan_orsak', 'karantan_varde') -%}
        {%- do kolumner_ut.append(c.name) -%}
    {%- endfor -%}
{%- endif %}
with utdata as (
    select * from {{ relation }}
    {%- if urval %}
    where {{ urval }}
    {%- endif %}
),

{{ staging_leveranser_ctes(prefix, nyckel, period_nyckel, kolumner_ut) }}

select * from final
{%- endmacro %}

{#- kolumner_ut: the output columns between the file/line columns and the quarantine columns, by name -#}
{% macro staging_leveranser_ctes(prefix, nyckel, period_nyckel, kolumner_ut) -%}
    {%- set lev = _stg_leveranser(prefix, nyckel, period_nyckel) -%}
perioder as (
    select
        *,
        {{ lev.period }} as senaste_fil
    from utdata
),

nycklar as (
    select
        *,
        {{ lev.nyckel }}
    from perioder
    {%- if lev.fonster %}
    {{ lev.fonster }}
    {%- endif %}
),


{#- the output columns by name (no `* exclude`: DuckDB-only) #}
final as (
    select
        {{ prefix }}_fil,
        {{ prefix }}_rad,
        {%- for k in kolumner_ut %}
        {{ k }},
        {%- endfor %}
        case when {{ lev.dubblett }} then '{{ lev.forsta }}' else karantan_kolumn end as karantan_kolumn,
        case
            when {{ lev.dubblett }}
                then 'dubblett: samma nyckel ({{ lev.nyckeltext }}) som rad ' || cast(nyckel_rad as {{ dbt.type_string() }})
            else karantan_orsak
        end as karantan_orsak,
        case when {{ lev.dubblett }} then null else karantan_varde end as karantan_varde,
        case
            when karantan_orsak is not null then null
            when {{ prefix }}_fil <> senaste_fil then senaste_fil
            when nyckel_nr > 1 and nyckel_fil <> {{ prefix }}_fil then nyckel_fil
        end as ersatt_av
    from nycklar
)
{%- endmacro %}
