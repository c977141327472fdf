{#- The enhet of each distinct code of a delivery (issue 22, fix 4): `koder` is a subquery with kommun_kod, regi and
    the code column `kod`; the seed rows (CTE `enheter`) match on seed column `seed_kolumn` = the code, the
    municipality ('*' for all) and the regi ('*' for both). A municipality's own row beats '*', then the row's own
    regi beats '*'; ties by enhet_kod. Returns kommun_kod, `kod`, regi, enhet_kod. -#}
{% macro kpb_enhet_per_kod(koder, kod, seed_kolumn) -%}
    select
        kommun_kod,
        {{ kod }},
        regi,
        enhet_kod
    from (
        select
            koder.kommun_kod,
            koder.{{ kod }},
            koder.regi,
            enheter.enhet_kod,
            row_number() over (
                partition by koder.kommun_kod, koder.{{ kod }}, koder.regi
                order by
                    case when enheter.kommun_kod = '*' then 1 else 0 end,
                    case when enheter.regi = '*' then 1 else 0 end,
                    enheter.enhet_kod
            ) as rang
        from ({{ koder }}) as koder
        inner join enheter
            on
                koder.{{ kod }} = enheter.{{ seed_kolumn }}
                and (enheter.kommun_kod = koder.kommun_kod or enheter.kommun_kod = '*')
                and (enheter.regi = koder.regi or enheter.regi = '*')
    ) as rangordnade
    where rang = 1
{%- endmacro %}
