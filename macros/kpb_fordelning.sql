-- noqa: disable=layout.indent
{#- (sqlfluff: the SQL of kpb_storsta_rest is laid out for its call sites, inside a CTE; see below) -#}
{#- Largest-remainder allocation in öre — the ONE allocation routine of KPB, used by the step-down of shared cost
    pools (int_kpb_poolfordelning) and by the distribution of an insats's cost over its brukare (brukarkostnad).

    For every group (partition by `grupp`) the amount `belopp_ore` (an integer, the same on every row of the group)
    is split over the group's rows (the receivers) in proportion to `nyckel` (a non-negative integer key):
      1. golv(i)  = floor(|belopp| * nyckel(i) / Σ nyckel)          (integer division, 128-bit product)
      2. rest(i)  = (|belopp| * nyckel(i)) mod Σ nyckel               (the fractional remainder × Σ nyckel)
      3. the öre left over, |belopp| − Σ golv, go one each to the receivers with the largest rest; ties go to the
         receiver that sorts first by `ordning` (the receiver key)
      4. the sign of belopp is put back, so a negative pool (net revenue) is allocated as exactly as a positive one.
    Σ fordelat_ore = belopp_ore exactly for every group whose Σ nyckel > 0. A group whose keys sum to 0 cannot be
    allocated: its rows get fordelat_ore NULL (the reconciliation tests then fail and name the pool).

    Arguments: relation (a CTE or relation name), grupp (list of columns), belopp_ore (column), nyckel (column),
    ordning (list of columns: the receiver key for ties), behall (list of columns to pass through).
    Returns a select with the `behall` columns, nyckelsumma and fordelat_ore. -#}
{% macro kpb_storsta_rest(relation, grupp, belopp_ore, nyckel, ordning, behall) %}
    {%- set heltal128 = kpb_typ_heltal128() %}
    {%- set partition = grupp | join(', ') %}
    {#- the SQL is written indented inside the set block and returned without that indent, so that it lines up at
        the call site (`| indent(4)` inside a CTE) -#}
    {%- set sql %}
    select
        {%- for kolumn in behall %}
        lr_steg2.{{ kolumn }},
        {%- endfor %}
        lr_steg2.lr_nyckelsumma as nyckelsumma,
        case
            when lr_steg2.lr_nyckelsumma > 0
                then lr_steg2.lr_tecken * (
                    lr_steg2.lr_golv + case when lr_steg2.lr_rang <= lr_steg2.lr_kvar_ore then 1 else 0 end
                )
        end as fordelat_ore
    from (
        select
            lr_steg1.*,
            lr_steg1.lr_absolut - sum(lr_steg1.lr_golv) over (partition by {{ partition }}) as lr_kvar_ore,
            row_number() over (
                partition by {{ partition }}
                order by lr_steg1.lr_rest desc, {{ ordning | join(', ') }}
            ) as lr_rang
        from (
            select
                lr_kalla.*,
                case when lr_kalla.{{ belopp_ore }} < 0 then -1 else 1 end as lr_tecken,
                abs(lr_kalla.{{ belopp_ore }}) as lr_absolut,
                sum(lr_kalla.{{ nyckel }}) over (partition by {{ partition }}) as lr_nyckelsumma,
                cast({{ kpb_heltalsdivision(
                    "cast(abs(lr_kalla." ~ belopp_ore ~ ") as " ~ heltal128 ~ ") * lr_kalla." ~ nyckel,
                    "nullif(sum(lr_kalla." ~ nyckel ~ ") over (partition by " ~ partition ~ "), 0)") }} as bigint)
                    as lr_golv,
                (cast(abs(lr_kalla.{{ belopp_ore }}) as {{ heltal128 }}) * lr_kalla.{{ nyckel }})
                % nullif(sum(lr_kalla.{{ nyckel }}) over (partition by {{ partition }}), 0) as lr_rest
            from {{ relation }} as lr_kalla
        ) as lr_steg1
    ) as lr_steg2
    {%- endset %}
    {{ return(sql.replace('\n    ', '\n') | trim) }}
{% endmacro %}

{#- A pool receiver's key as an integer for the exact allocation (kpb_storsta_rest), in the unit of the key
    `nyckel`: direkt_kostnad (and a booked cost) in öre, volym and personaltimmar in ten-thousandths, andel in
    millionths, brukare and lika as they are. -#}
{% macro kpb_nyckel_heltal(nyckel, uttryck) -%}
    {%- if nyckel == 'direkt_kostnad' -%}
        {{ kpb_till_ore(uttryck) }}
    {%- elif nyckel in ('volym', 'personaltimmar') -%}
        {{ kpb_till_tiotusendelar(uttryck) }}
    {%- elif nyckel == 'andel' -%}
        {{ kpb_andel_till_miljondelar(uttryck) }}
    {%- elif nyckel == 'brukare' -%}
        cast({{ uttryck }} as bigint)
    {%- else -%}
        {{ uttryck }}
    {%- endif -%}
{%- endmacro %}

{#- The two key columns of a pool receiver (int_kpb_poolmottagare): nyckel_varde (decimal(18,6), as the key reads)
    and nyckel_heltal (kpb_nyckel_heltal), chosen by the pool's key `fordelningsnyckel` (a column). `varden`: the
    (key, expression) pairs; `annars`: (expression, the key whose unit it has) for every other key, or none. -#}
{% macro kpb_poolnyckel(fordelningsnyckel, varden, annars=none) -%}
    cast(
        case {{ fordelningsnyckel }}
            {%- for nyckel, uttryck in varden %}
            when '{{ nyckel }}' then {{ uttryck }}
            {%- endfor %}
            {%- if annars %}
            else {{ annars[0] }}
            {%- endif %}
        end as decimal(18, 6)
    ) as nyckel_varde,
    case {{ fordelningsnyckel }}
        {%- for nyckel, uttryck in varden %}
        when '{{ nyckel }}' then {{ kpb_nyckel_heltal(nyckel, uttryck) }}
        {%- endfor %}
        {%- if annars %}
        else {{ kpb_nyckel_heltal(annars[1], annars[0]) }}
        {%- endif %}
    end as nyckel_heltal
{%- endmacro %}
