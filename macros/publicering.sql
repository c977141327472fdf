{#- The one suppression rule of everything published (schema publicerat; README, "Publishing and small cells";
    docs/architecture.md, "Suppression"). A publicerat model is `{{ publicera(ref('<mart>')) }}` (or a SQL text for a
    relation that is first aggregated); what is suppressed is declared in the model's YAML, never in SQL:

    model meta `undertryckning`:
      rad:         person counts every value of the row is built on (a small one hides the whole row but its key)
      dold_om:     a condition on the source row that hides every value of the row but its key and open columns
                   (e.g. the same cells hidden in another published relation); the row's `rad` counts then count as
                   hidden in the complementary suppression, as a small one would
      dimensioner: complementary suppression across rows: [{grupp: [columns], total: {kolumn: c, varde: 'alla'}}]
                   - the rows of one grupp are parts of a total (the row of the grupp with kolumn = varde, or a total
                   published elsewhere when `total` is not given)
      summor:      complementary suppression within a row: [{total: column or none, delar: [columns]}] - the parts
                   add up to the total (or to a difference that other published figures give, when total is none);
                   `forra: {kolumn, grupp, ordning}` adds the previous row's column to the relation (a stock: open
                   at the end = open before + started - ended)
    column meta `undertryckning`:
      personer: true     a count of persons: hidden when 0 < value < undertryck_min_personer (optional `villkor`: a
                         SQL condition on the row under which it counts as one)
      byggd_pa: [cols]   person counts the value is built on besides the row's
      oppen: true        not built on persons (names, labels, public or budget figures): never hidden
      dold_om: "sql"     also hidden when this condition on the source row holds
      flagga: alla|[cols]  a boolean the rule computes: true when any (of the listed) columns of the row is hidden

    Primary suppression: every person count below the threshold (but above 0) is hidden, and every value built on it
    (byggd_pa, and all of the row's values for a count in `rad`). 0 is not a small cell and is never hidden.
    Complementary suppression, per person count and declaration, repeated `varv` rounds: where exactly one part of a
    total is hidden while the total is published, the smallest remaining non-zero published part is hidden too
    (ties by the model's primary key, within a row by the order of the declaration); when only zeros are left, a
    zero (a hidden cell could then be 0 as well); with no part left, the total (within a row) or the total row. Keys are never hidden. Portable SQL: window functions, joins, case. -#}
{% macro publicera(kalla, varv=3) -%}
    {%- set nod = model -%}
    {%- set spec = ((nod.get('config') or {}).get('meta') or {}).get('undertryckning') or {} -%}
    {%- set nyckel = [] -%}
    {%- for villkor in nod.get('constraints') or [] if villkor.get('type') == 'primary_key' -%}
        {%- do nyckel.extend(villkor.get('columns') or []) -%}
    {%- endfor -%}
    {%- set kolumner = [] -%}
    {%- set kol_spec = {} -%}
    {%- for namn, kolumn in (nod.get('columns') or {}).items() -%}
        {%- do kolumner.append(namn) -%}
        {%- set m = (kolumn.get('config') or {}).get('meta') or kolumn.get('meta') or {} -%}
        {%- do kol_spec.update({namn: m.get('undertryckning') or {}}) -%}
    {%- endfor -%}
    {#- a condition of the model's that hides every value of a row (a relation published elsewhere hides it) -#}
    {%- if spec.get('dold_om') -%}
        {%- for k in kolumner if k not in nyckel and not kol_spec[k].get('oppen') and kol_spec[k].get('flagga') is none -%}
            {%- set s2 = {} -%}
            {%- do s2.update(kol_spec[k]) -%}
            {%- do s2.update({'dold_om': '(' ~ spec['dold_om'] ~ ')' ~ (' or (' ~ kol_spec[k]['dold_om'] ~ ')'
                if kol_spec[k].get('dold_om') else '')}) -%}
            {%- do kol_spec.update({k: s2}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set flaggor = [] -%}
    {%- set kallkolumner = [] -%}
    {%- for k in kolumner -%}
        {%- if kol_spec[k].get('flagga') is not none -%}{%- do flaggor.append(k) -%}
        {%- else -%}{%- do kallkolumner.append(k) -%}{%- endif -%}
    {%- endfor -%}
    {%- set personer = [] -%}
    {%- for k in kallkolumner if kol_spec[k].get('personer') -%}{%- do personer.append(k) -%}{%- endfor -%}
    {%- set rad = spec.get('rad') or [] -%}
    {%- for r in rad if r not in personer -%}{%- do personer.append(r) -%}{%- endfor -%}
    {#- the person counts each column is built on (transitively, over byggd_pa of counts) -#}
    {%- set beror = {} -%}
    {%- for k in kallkolumner -%}
        {%- set s = kol_spec[k] -%}
        {%- set d = [] -%}
        {%- if k not in nyckel and not s.get('oppen') -%}
            {%- for r in rad -%}{%- do d.append(r) -%}{%- endfor -%}
            {%- if k in personer -%}{%- do d.append(k) -%}{%- endif -%}
            {%- for b in s.get('byggd_pa') or [] -%}{%- do d.append(b) -%}{%- endfor -%}
            {%- for _ in range(3) -%}
                {%- for b in d -%}
                    {%- for bb in (kol_spec.get(b) or {}).get('byggd_pa') or [] if bb not in d -%}
                        {%- do d.append(bb) -%}
                    {%- endfor -%}
                {%- endfor -%}
            {%- endfor -%}
        {%- endif -%}
        {%- do beror.update({k: d | unique | list}) -%}
    {%- endfor -%}
    {%- for k in kallkolumner -%}
        {%- for b in beror[k] if b not in personer -%}
            {{ exceptions.raise_compiler_error("publicera(): " ~ model.name ~ "." ~ k ~ " is built on " ~ b
                ~ ", which is not a person count (meta undertryckning.personer)") }}
        {%- endfor -%}
    {%- endfor -%}
    {%- set doljs = {} -%}
    {%- for k in kallkolumner -%}
        {%- set villkor = [] -%}
        {%- for b in beror[k] -%}{%- do villkor.append('u__' ~ b) -%}{%- endfor -%}
        {%- do doljs.update({k: '(' ~ (villkor | join(' or ') if villkor else 'false') ~ ')'}) -%}
    {%- endfor -%}
with u_kalla as (
    {% if kalla is string %}{{ kalla }}{% else %}select * from {{ kalla }}{% endif %}
),

u_regel as (
    select undertryck_min_personer as u_t from {{ ref('publiceringsregler') }}
),

u_steg0 as (
    select
        {% for k in kallkolumner %}k.{{ k }},
        {% endfor -%}
        {%- for k in kallkolumner if kol_spec[k].get('dold_om') %}
        coalesce({{ kol_spec[k]['dold_om'] }}, false) as u_dold__{{ k }},
        {%- endfor %}
        {% for p in personer -%}
        coalesce(k.{{ p }} > 0 and k.{{ p }} < r.u_t{% if kol_spec[p].get('villkor') %} and ({{ kol_spec[p]['villkor'] }}){% endif %}, false)
            {%- if p in rad and spec.get('dold_om') %} or coalesce({{ spec['dold_om'] }}, false){% endif %}
            as u__{{ p }}{% if not loop.last %},{% endif %}
        {% endfor -%}
        {%- if not personer %}1 as u__ingen{% endif %}
    from u_kalla as k
    cross join u_regel as r
)
{%- set ns = namespace(forra='u_steg0', n=0) -%}
{%- for _ in range(varv) -%}
    {#- within a row: the parts of a declared sum -#}
    {%- for summa in spec.get('summor') or [] -%}
        {%- set delar = summa['delar'] -%}
        {%- set total = summa.get('total') -%}
        {%- set ns.n = ns.n + 1 %},

u_steg{{ ns.n }} as (
    select
        {% for k in kallkolumner %}{{ k }},
        {% endfor -%}
        {%- for k in kallkolumner if kol_spec[k].get('dold_om') %}u_dold__{{ k }},
        {% endfor -%}
        {%- for p in personer if p not in delar and p != total %}u__{{ p }},
        {% endfor -%}
        {%- set forra = summa.get('forra') -%}
        {%- set antal_dolda -%}
            ({% for d in delar %}case when {{ doljs[d] }} then 1 else 0 end{% if not loop.last %} + {% endif %}{% endfor %}
            {%- if forra %} + case when coalesce(lag({{ doljs[forra['kolumn']] }}) over (
                partition by {{ forra['grupp'] | join(', ') }} order by {{ forra['ordning'] }}), false) then 1 else 0 end
            {%- endif %})
        {%- endset -%}
        {%- set total_synlig -%}
            {% if total %}not {{ doljs[total] }}{% else %}true{% endif %}
        {%- endset -%}
        {#- the candidate: the smallest non-zero visible part (a zero one only when no other is left), ties by the
            order of the declaration -#}
        {%- for d in delar %}
        u__{{ d }} or ({{ antal_dolda }} = 1 and {{ total_synlig }} and not {{ doljs[d] }}
            {%- for o in delar if o != d %}
            and ({{ doljs[o] }} or {{ kommunanalys.undertryck_ordning(o, d, delar.index(o) > delar.index(d)) }})
            {%- endfor %}) as u__{{ d }}{% if not loop.last or total %},{% endif %}
        {%- endfor %}
        {%- if total %}
        u__{{ total }} or ({{ antal_dolda }} = 1 and not (
            {%- for d in delar %}(not {{ doljs[d] }}){% if not loop.last %} or {% endif %}{% endfor -%}
        )) as u__{{ total }}
        {%- endif %}
    from u_steg{{ ns.n - 1 }}
)
    {%- endfor -%}
    {#- across rows: the parts of a total along a dimension -#}
    {%- for dim in spec.get('dimensioner') or [] -%}
        {%- set grupp = dim['grupp'] -%}
        {%- set tot = dim.get('total') -%}
        {%- set utan = grupp | reject('equalto', tot['kolumn'] if tot else '') | list -%}
        {%- set ar_total -%}
            {% if tot %}coalesce({{ tot['kolumn'] }} = '{{ tot['varde'] }}', false){% else %}false{% endif %}
        {%- endset -%}
        {#- one step per dimension and round, for every person count at once (few, wide steps: DuckDB plans a deep
            chain of window steps in time that grows steeply with its depth) -#}
        {%- set ns.n = ns.n + 1 -%}
        {%- set a = 'u_steg' ~ ns.n ~ '_a' -%}
        {%- set g = 'u_steg' ~ ns.n ~ '_g' %},

{{ a }} as (
    select
        s.*,
        {{ ar_total }} as u_ar_total
        {%- for p in personer %},
        sum(case when {{ doljs[p] }} then 1 else 0 end)
            over (partition by {{ grupp | join(', ') }}, {{ ar_total }}) as u_n_dolda__{{ p }},
        sum(case when not {{ doljs[p] }} then 1 else 0 end)
            over (partition by {{ grupp | join(', ') }}, {{ ar_total }}) as u_n_kandidater__{{ p }},
        row_number() over (
            partition by {{ grupp | join(', ') }}, {{ ar_total }}
            order by case when {{ doljs[p] }} then 2 when coalesce({{ p }}, 0) = 0 then 1 else 0 end, {{ p }},
                {{ nyckel | join(', ') }}
        ) as u_rang__{{ p }}
        {%- endfor %}
    from u_steg{{ ns.n - 1 }} as s
),

{{ g }} as (
    {#- per total (the group without the total's column): is the total row hidden, and does a group of its parts have
        one hidden part and no other left (then the total goes) -#}
    select
        a.*
        {%- for p in personer %},
        {%- if tot %}
        max(case when a.u_ar_total and {{ doljs[p] }} then 1 else 0 end)
            over (partition by {{ utan | join(', ') }}) as u_total_dold__{{ p }},
        max(case when not a.u_ar_total and a.u_n_dolda__{{ p }} = 1 and a.u_n_kandidater__{{ p }} = 0 then 1 else 0 end)
            over (partition by {{ utan | join(', ') }}) as u_total_avslojar__{{ p }}
        {%- else %}
        0 as u_total_dold__{{ p }},
        0 as u_total_avslojar__{{ p }}
        {%- endif %}
        {%- endfor %}
    from {{ a }} as a
),

u_steg{{ ns.n }} as (
    select
        {% for k in kallkolumner %}g.{{ k }},
        {% endfor -%}
        {%- for k in kallkolumner if kol_spec[k].get('dold_om') %}g.u_dold__{{ k }},
        {% endfor -%}
        {%- for p in personer %}
        g.u__{{ p }}
        or (not g.u_ar_total and g.u_n_dolda__{{ p }} = 1 and g.u_rang__{{ p }} = 1 and g.u_n_kandidater__{{ p }} > 0
            and g.u_total_dold__{{ p }} = 0)
        or (g.u_ar_total and g.u_total_avslojar__{{ p }} = 1) as u__{{ p }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ g }} as g
)
    {%- endfor -%}
{%- endfor %},

u_publicerat as (
    select
        {% for k in kolumner -%}
        {%- if k in flaggor -%}
            {%- set lista = kol_spec[k]['flagga'] -%}
            {%- set lista = kallkolumner if lista == 'alla' else lista -%}
            {%- set villkor = [] -%}
            {%- for c in lista -%}
                {%- if beror[c] -%}{%- do villkor.append(doljs[c]) -%}{%- endif -%}
                {%- if kol_spec[c].get('dold_om') -%}{%- do villkor.append('u_dold__' ~ c) -%}{%- endif -%}
            {%- endfor -%}
        ({{ villkor | unique | join(' or ') if villkor else 'false' }}) as {{ k }}
        {%- elif beror[k] or kol_spec[k].get('dold_om') -%}
        case when {{ doljs[k] }}{% if kol_spec[k].get('dold_om') %} or u_dold__{{ k }}{% endif %} then null else {{ k }} end as {{ k }}
        {%- else -%}
        {{ k }}
        {%- endif %}{% if not loop.last %},{% endif %}
        {% endfor %}
    from u_steg{{ ns.n }}
)

select * from u_publicerat
{{- radordning(nyckel) }}
{%- endmacro %}


{#- publicera(): part `o` does not come before part `d` as the complementary cell (smallest non-zero first, then the
    zeros; `o_efter`: o is declared after d, so an equal o loses the tie). -#}
{% macro undertryck_ordning(o, d, o_efter) -%}
    (case when coalesce({{ o }}, 0) = 0 then 1 else 0 end > case when coalesce({{ d }}, 0) = 0 then 1 else 0 end
        or (case when coalesce({{ o }}, 0) = 0 then 1 else 0 end = case when coalesce({{ d }}, 0) = 0 then 1 else 0 end
            and coalesce({{ o }}, 0) {{ '>=' if o_efter else '>' }} coalesce({{ d }}, 0)))
{%- endmacro %}
