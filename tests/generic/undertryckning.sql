{#- Tests that attack the published layer (schema publicerat; macros/publicering.sql). Each reads the suppression
    declaration (meta undertryckning) of the model it tests - the same declaration the rule is built from - and
    checks what a reader of the published table can see, nothing else:
    - undertryckning_inga_sma_tal: no person count between 1 and the threshold is shown;
    - undertryckning_radvis: no value is shown beside a hidden person count it is built on (a hidden amount shown as
      its "totalt", a hidden cost as its FK payment or net unit cost ...);
    - undertryckning_komplementar: no hidden cell is the difference of a published total and its published parts,
      along the declared dimensions (rows) and sums (columns of a row).
    A hidden count is an empty one (the marts' person counts are never empty); an empty value beside a published 0
    of a count it is built on is known to be nothing (utfall's rows of 0 persons), not hidden; nor is an empty value
    in a row whose flag (meta flagga, e.g. is_undertryckt) says that nothing on it is hidden (a cost that is missing
    for a year: its denominator may be shown). -#}

{% test undertryckning_inga_sma_tal(model) %}
{%- set hittad = undertryckning_spec(model) -%}
{%- set personer = undertryckning_personer(hittad) -%}
{%- set kolumner = hittad['kolumner'] -%}
select m.*
from {{ model }} as m
cross join (select undertryck_min_personer as t from {{ ref('publicerat_regler') }}) as r
where false
{%- for p in personer %}
    or (m.{{ p }} > 0 and m.{{ p }} < r.t{% if kolumner[p].get('villkor') %} and ({{ kolumner[p]['villkor'] }}){% endif %})
{%- endfor %}
{% endtest %}

{% test undertryckning_radvis(model) %}
{%- set hittad = undertryckning_spec(model) -%}
{%- set rad = hittad['spec'].get('rad') or [] -%}
{%- set brott = [] -%}
{%- for namn, s in hittad['kolumner'].items()
            if not s.get('oppen') and s.get('flagga') is none and namn not in hittad['nyckel'] -%}
{%- for p in (s.get('byggd_pa') or []) + (rad if not s.get('personer') or namn not in rad else []) if p != namn -%}
{#- p empty is hidden only where a flag that covers p (flagga alla, or a list naming p) does not say the row hides
    nothing: an empty value in a row where nothing is hidden is missing data, not a hidden cell -#}
{%- set flaggor = [] -%}
{%- for f, fs in hittad['kolumner'].items() if fs.get('flagga') == 'alla' or p in (fs.get('flagga') or []) -%}
{%- do flaggor.append(' and ' ~ f ~ ' is distinct from false') -%}
{%- endfor -%}
{%- do brott.append("(" ~ p ~ " is null and " ~ namn ~ " is not null" ~ (flaggor | join('')) ~ ")") -%}
{%- endfor -%}
{%- endfor %}
select *
from {{ model }}
where false
{%- for b in brott | unique %}
    or {{ b }}
{%- endfor %}
{% endtest %}

{% test undertryckning_komplementar(model) %}
{%- set hittad = undertryckning_spec(model) -%}
{%- set personer = undertryckning_personer(hittad) -%}
{%- set fall = [] -%}
{%- for dim in hittad['spec'].get('dimensioner') or [] -%}
{%- set tot = dim.get('total') -%}
{%- set utan = dim['grupp'] | reject('equalto', tot['kolumn'] if tot else '') | list -%}
{%- for p in personer -%}
{%- set sql -%}
select '{{ p }} along {{ dim["grupp"] | join(", ") | replace("'", "") }}' as fall, {{ dim['grupp'] | join(', ') }},
    count(*) as antal_delar
from {{ model }} as d
where true
{%- if tot %} and d.{{ tot['kolumn'] }} <> '{{ tot['varde'] }}'
    and exists (
        select 1 from {{ model }} as t
        where t.{{ tot['kolumn'] }} = '{{ tot['varde'] }}' and t.{{ p }} is not null
{%- for k in utan %} and t.{{ k }} = d.{{ k }}{% endfor %}
    ){% endif %}
group by {{ dim['grupp'] | join(', ') }}
{# one hidden part beside published ones gives it back (the total published in the table or, without one, elsewhere);
    a part alone is its total, which is published only in the table's own total row #}
{%- set noll = [] -%}
{%- for q in (hittad['kolumner'][p].get('byggd_pa') or []) + (hittad['spec'].get('rad') or []) if q != p -%}
{%- do noll.append('coalesce(d.' ~ q ~ ' = 0, false)') -%}
{%- endfor %}
having sum(case when d.{{ p }} is null{% if noll %} and not ({{ noll | join(' or ') }}){% endif %} then 1 else 0 end) = 1
    and (count(*) > 1{% if tot %} or true{% endif %})
{%- endset -%}
{%- do fall.append(sql) -%}
{%- endfor -%}
{%- endfor -%}
{%- for summa in hittad['spec'].get('summor') or [] -%}
{%- set delar = summa['delar'] -%}
{%- set forra = summa.get('forra') -%}
{%- set sql -%}
select '{{ delar | join(" + ") }}' as fall
from (
    select
        *,
        ({% for d in delar %}case when {{ d }} is null then 1 else 0 end{% if not loop.last %} + {% endif %}{% endfor %}
{%- if forra %}
            + case when lag({{ forra['kolumn'] }}) over (partition by {{ forra['grupp'] | join(', ') }}
                order by {{ forra['ordning'] }}) is null
                and row_number() over (partition by {{ forra['grupp'] | join(', ') }}
                order by {{ forra['ordning'] }}) > 1 then 1 else 0 end
{%- endif %}) as u_dolda
    from {{ model }}
) as m
where u_dolda = 1
{%- if summa.get('total') %} and {{ summa['total'] }} is not null{% endif %}
{%- endset -%}
{%- do fall.append(sql) -%}
{%- endfor %}
{% if fall -%}
select fall from (
{%- for f in fall %}
    select fall from ({{ f }}) as x{{ loop.index }}
{%- if not loop.last %} union all{% endif %}
{%- endfor %}
) as alla_fall
{%- else -%}
select 1 as fall where false
{%- endif %}
{% endtest %}
