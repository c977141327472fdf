{#- Parsing and checking the cells of a staging base model (staging_bas's column specs, documented in
    staging_bas.sql): the parsed value of a column (_stg_tolka, with the parsers of parsning.sql), its checks in
    order, each with the reason a failing row is quarantined for (_stg_kontroller), its output columns (_stg_utdata),
    and all of that for a list of columns as SQL fragments (staging_plan). -#}

{#- case lower(<text>) when '<raw>' then '<output>' ... end -#}
{% macro _stg_kodmappning(t, mappning) -%}
    {%- set fall = [] -%}
    {%- for fran, till in mappning.items() -%}
        {%- do fall.append("when '" ~ fran ~ "' then '" ~ till ~ "'") -%}
    {%- endfor -%}
    {{ return('case lower(' ~ t ~ ') ' ~ (fall | join(' ')) ~ ' end') }}
{%- endmacro %}

{#- the parsed value of one column (from its trimmed text <kolumn>__text) -#}
{% macro _stg_tolka(k) -%}
    {%- set t = k.kolumn ~ '__text' -%}
    {%- set uttryck = t -%}
    {%- if k.typ == 'kod' and k.mappning is defined -%}
        {%- set uttryck = _stg_kodmappning(t, k.mappning) -%}
    {%- elif k.typ == 'kod' -%}
        {%- set uttryck = 'lower(' ~ t ~ ')' -%}
    {%- elif k.typ == 'decimal' -%}
        {%- set uttryck = kommunanalys.parse_decimal(t, 18, k.skala | default(2)) -%}
    {%- elif k.typ == 'heltal' -%}
        {%- set uttryck = kommunanalys.parse_integer(t) -%}
    {%- elif k.typ == 'bool' -%}
        {%- set uttryck = kommunanalys.parse_bool(t) -%}
    {%- elif k.typ == 'datum' -%}
        {%- set uttryck = kommunanalys.parse_date(t) -%}
    {%- elif k.typ == 'tidpunkt' -%}
        {%- set uttryck = kommunanalys.parse_timestamp(t) -%}
    {%- elif k.typ == 'period' -%}
        {%- set uttryck = kommunanalys.parse_period(t) -%}
    {%- elif k.typ == 'diagnos' -%}
        {%- set uttryck = 'upper(replace(' ~ t ~ ", '.', ''))" -%}
    {%- endif -%}
    {{ return(uttryck) }}
{%- endmacro %}

{#- the checks of one column, in order: a list of dicts villkor (SQL, true = fails) and orsak (SQL text). The
    personnummer look-alike of a column is its flag <kolumn>__pnr, computed once per cell in the CTE tolkad. -#}
{% macro _stg_kontroller(k) -%}
    {%- set t = k.kolumn ~ '__text' -%}
    {%- set v = k.namn | default(k.kolumn) -%}
    {%- set namn_sql = "'" ~ k.kolumn ~ ": " -%}
    {%- set visat = t -%}
    {%- set kontroller = [] -%}
    {%- if k.typ == 'personnummer' -%}
        {%- for villkor, fel in [(t ~ ' is null', 'saknas'), (k.kolumn ~ '__norm is null', 'inte tolv siffror'),
                (k.kolumn ~ '__fodd is null', 'ogiltigt datum'),
                ('not ' ~ k.kolumn ~ '__luhn', 'fel kontrollsiffra')] -%}
            {%- do kontroller.append({'villkor': villkor, 'orsak': namn_sql ~ fel ~ "'"}) -%}
        {%- endfor -%}
        {{ return(kontroller) }}
    {%- endif -%}
    {%- if k.kravs | default(false) -%}
        {%- do kontroller.append({'villkor': t ~ ' is null', 'orsak': namn_sql ~ "saknas'"}) -%}
    {%- endif -%}
    {#- a personnummer in any other column: quarantined, and neither the reason nor the value shows it; the later
        checks of the column show the value, which then does not look like one -#}
    {%- do kontroller.append({'villkor': k.kolumn ~ '__pnr',
        'orsak': namn_sql ~ "liknar ett personnummer (värdet visas inte)'"}) -%}
    {%- if k.typ == 'fel' -%}
        {#- a column in which the runner wrote why the row cannot be used (survey scoring) -#}
        {%- do kontroller.append({'villkor': t ~ ' is not null', 'orsak': t}) -%}
        {{ return(kontroller) }}
    {%- endif -%}
    {%- set fel = none -%}
    {%- set efter = '' -%}
    {%- if k.typ == 'kommun_kod' -%}
        {%- set villkor = 'not ' ~ kommunanalys.is_valid_kommun_kod(t) -%}
        {%- set fel = 'inte fyra siffror' -%}
    {%- elif k.typ == 'kod' -%}
        {%- set tillatna = (k.mappning.keys() | list) if k.mappning is defined else k.varden -%}
        {%- set villkor = 'lower(' ~ t ~ ") not in ('" ~ (tillatna | join("', '")) ~ "')" -%}
        {%- set fel = 'okänt värde' -%}
        {%- set efter = ' (tillåtet: ' ~ (tillatna | join(', ')) ~ ')' -%}
    {%- elif k.typ in ('decimal', 'heltal') -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'inte ett tal' if k.typ == 'decimal' else 'inte ett heltal' -%}
    {%- elif k.typ == 'bool' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'inte J/N' -%}
    {%- elif k.typ == 'datum' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltigt datum' -%}
    {%- elif k.typ == 'tidpunkt' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltig tidpunkt' -%}
    {%- elif k.typ == 'period' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltig period' -%}
        {%- set efter = ' (inte en månad YYYYMM)' -%}
    {%- elif k.typ == 'diagnos' -%}
        {%- set villkor = 'not ' ~ kommunanalys.regex_full_match(v, '[A-Z][0-9]{2}[0-9A-Z]{0,5}') -%}
        {%- set fel = 'ogiltig ICD-10-kod' -%}
    {%- endif -%}
    {#- reason: <kolumn>: <fel> '<value>'<efter>, e.g. utskrivning_tid: ogiltig tidpunkt '2024-13-01 10:00' -#}
    {%- if fel is not none -%}
        {%- do kontroller.append({'villkor': t ~ ' is not null and ' ~ villkor,
            'orsak': namn_sql ~ fel ~ " ''' || " ~ visat ~ " || '''" ~ efter ~ "'"}) -%}
    {%- endif -%}
    {%- if k.min is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' < ' ~ k.min,
            'orsak': namn_sql ~ ('negativ' if k.min == 0 else 'under ' ~ k.min) ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {%- if k.over is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' <= ' ~ k.over,
            'orsak': namn_sql ~ 'inte större än ' ~ k.over ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {%- if k.max is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' > ' ~ k.max,
            'orsak': namn_sql ~ 'över ' ~ k.max ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {#- plausibility: an upper bound computed per row (from a seed joined by the model's kopplingar) -#}
    {%- if k.max_sql is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' > ' ~ k.max_sql,
            'orsak': namn_sql ~ "orimligt värde (' || " ~ visat ~ " || '): mer än ' || cast(cast(" ~ k.max_sql
                ~ ' as integer) as ' ~ dbt.type_string() ~ ") || ' ' || " ~ (k.max_enhet | default("''"))
                ~ " || ' " ~ k.max_text ~ "'"}) -%}
    {%- endif -%}
    {%- if k.inte_fore is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' < ' ~ k.inte_fore,
            'orsak': namn_sql ~ 'före ' ~ k.inte_fore ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {#- plausibility: no date after the delivery (var leveransdatum, default the day of the build) -#}
    {%- if k.typ in ('datum', 'tidpunkt', 'period') -%}
        {%- set grans = 'cast(' ~ dbt.dateadd('day', 1, kommunanalys.leveransdatum()) ~ ' as date)' if k.typ != 'period'
            else 'cast(' ~ dbt.dateadd('month', 1, dbt.date_trunc('month', kommunanalys.leveransdatum())) ~ ' as date)' -%}
        {%- do kontroller.append({'villkor': v ~ ' >= ' ~ grans,
            'orsak': namn_sql ~ "efter leveransdatum ' || cast(" ~ kommunanalys.leveransdatum() ~ ' as '
                ~ dbt.type_string() ~ ") || ' (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {{ return(kontroller) }}
{%- endmacro %}

{#- the date of the delivery: var leveransdatum ('YYYY-MM-DD'), else the day of the build. A date after it is
    quarantined (a delivery cannot report the future). -#}
{% macro leveransdatum() -%}
    {%- set d = var('leveransdatum', none) -%}
    {{ return("cast('" ~ d ~ "' as date)" if d else 'current_date') }}
{%- endmacro %}

{#- the output columns of one column spec (select list items) -#}
{% macro _stg_utdata(k) -%}
    {%- set v = k.namn | default(k.kolumn) -%}
    {%- set utdata = [] -%}
    {%- if k.typ == 'personnummer' -%}
        {%- set norm = k.kolumn ~ '__norm' -%}
        {%- set giltig = 'case when ' ~ k.kolumn ~ '__karantan is null then ' -%}
        {%- do utdata.append(giltig ~ kommunanalys.pseudonym(norm) ~ ' end as person_id') -%}
        {%- do utdata.append(giltig ~ kommunanalys.pnr_sex(norm) ~ ' end as kon') -%}
        {%- do utdata.append(giltig ~ k.kolumn ~ '__fodd end as fodelsedatum') -%}
        {%- do utdata.append(giltig ~ kommunanalys.pnr_is_samordningsnummer(norm) ~ ' end as is_samordningsnummer') -%}
    {%- elif k.typ == 'fel' -%}
        {#- the runner's reason column is not output -#}
    {%- elif k.typ == 'period' -%}
        {%- do utdata.append(kommunanalys.utan_personnummer(k.kolumn, k.kolumn ~ '__text') ~ ' as ' ~ v) -%}
        {%- do utdata.append('cast(extract(year from ' ~ v ~ ') as integer) as ar') -%}
        {%- do utdata.append('cast(extract(month from ' ~ v ~ ') as integer) as manad') -%}
    {%- elif k.typ in ('text', 'kommun_kod', 'diagnos') or (k.typ == 'kod' and k.mappning is not defined) -%}
        {#- text copied from the file: a value that looks like a personnummer is not kept, not even in a base table -#}
        {%- do utdata.append(kommunanalys.utan_personnummer(k.kolumn, v) ~ ' as ' ~ v) -%}
    {%- else -%}
        {%- do utdata.append(kommunanalys.utan_personnummer(k.kolumn, v) ~ ' as ' ~ v) -%}
        {%- if k.ar | default(false) -%}
            {%- do utdata.append('cast(extract(year from ' ~ v ~ ') as integer) as ar') -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(utdata) }}
{%- endmacro %}

{#- Everything staging_bas needs, as lists of SQL fragments: the empty relation (a source without files), the
    trimmed texts, the parsed columns with one personnummer flag per cell, the personnummer's birth date and Luhn
    check once per cell, each column's quarantine reason (staging_kolumnens_karantan) and the output. -#}
{% macro staging_plan(kolumner, prefix) -%}
    {%- set plan = {'tom': [], 'trimmad': [], 'tolkad': [], 'pnr_steg1': [], 'karantan': [],
        'karantan_kolumner': [], 'utdata': []} -%}
    {%- for k in kolumner -%}
        {%- set t = k.kolumn ~ '__text' -%}
        {%- do plan.tom.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ k.kolumn) -%}
        {%- do plan.trimmad.append(kommunanalys.clean_text(k.kolumn) ~ ' as ' ~ t) -%}
        {%- if k.typ == 'personnummer' -%}
            {%- set norm = k.kolumn ~ '__norm' -%}
            {%- do plan.tolkad.append(kommunanalys.pnr_normalize(t) ~ ' as ' ~ norm) -%}
            {%- do plan.pnr_steg1.append(kommunanalys.pnr_birth_date(norm) ~ ' as ' ~ k.kolumn ~ '__fodd') -%}
            {%- do plan.pnr_steg1.append(kommunanalys.pnr_luhn_ok(norm) ~ ' as ' ~ k.kolumn ~ '__luhn') -%}
        {%- else -%}
            {%- do plan.tolkad.append(kommunanalys.ser_ut_som_personnummer(t) ~ ' as ' ~ k.kolumn ~ '__pnr') -%}
            {%- if k.typ != 'fel' -%}
                {%- do plan.tolkad.append(_stg_tolka(k) ~ ' as ' ~ (k.namn | default(k.kolumn))) -%}
            {%- endif -%}
        {%- endif -%}
        {%- do plan.karantan.append(kommunanalys.staging_kolumnens_karantan(k.kolumn, _stg_kontroller(k))) -%}
        {#- the raw value of a failing row; never a personnummer, nor anything that looks like one -#}
        {%- do plan.karantan_kolumner.append({'kolumn': k.kolumn, 'varde': none if k.typ in ('personnummer', 'fel')
            else kommunanalys.utan_personnummer(k.kolumn, t)}) -%}
        {%- do plan.utdata.extend(_stg_utdata(k)) -%}
    {%- endfor -%}
    {%- do plan.tom.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ prefix ~ '_fil') -%}
    {%- do plan.tom.append('cast(null as integer) as ' ~ prefix ~ '_rad') -%}
    {{ return(plan) }}
{%- endmacro %}

{#- The quarantine reason of one cell: the reason of the first of the column's checks (_stg_kontroller: dicts villkor,
    true = fails, and orsak) that fails, NULL when the cell passes them all; as <kolumn>__karantan -#}
{% macro staging_kolumnens_karantan(kolumn, kontroller) -%}
    {%- set fall = [] -%}
    {%- for kontroll in kontroller -%}
        {%- do fall.append('when ' ~ kontroll.villkor ~ ' then ' ~ kontroll.orsak) -%}
    {%- endfor -%}
    {%- if fall | length == 1 -%}
        {{ return('case ' ~ fall[0] ~ ' end as ' ~ kolumn ~ '__karantan') }}
    {%- endif -%}
    {{ return('case\n            ' ~ (fall | join('\n            ')) ~ '\n        end as ' ~ kolumn ~ '__karantan') }}
{%- endmacro %}

{#- A row's quarantine: the first column (in the order of the specs) whose cell fails a check (karantan_kolumn),
    that cell's reason (karantan_orsak) and its raw value (karantan_varde: NULL for a personnummer or a value that
    looks like one); all NULL when every cell passes. kolumner: dicts kolumn, varde (SQL of the raw value shown). -#}
{% macro staging_forsta_karantan(kolumner) -%}
    {%- set namn = [] -%}
    {%- set kolumn = [] -%}
    {%- set varde = [] -%}
    {%- for k in kolumner -%}
        {%- do namn.append(k.kolumn ~ '__karantan') -%}
        {%- do kolumn.append('when ' ~ k.kolumn ~ "__karantan is not null then '" ~ k.kolumn ~ "'") -%}
        {%- if k.varde is not none -%}
            {%- do varde.append('when ' ~ k.kolumn ~ '__karantan is not null then ' ~ k.varde) -%}
        {%- else -%}
            {%- do varde.append('when ' ~ k.kolumn ~ '__karantan is not null then null') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set rader = [] -%}
    {%- for i in range(0, namn | length, 4) -%}
        {%- do rader.append(namn[i:i + 4] | join(', ')) -%}
    {%- endfor -%}
    {{ return('case\n            ' ~ (kolumn | join('\n            ')) ~ '\n        end as karantan_kolumn,\n'
        ~ '        coalesce(\n            ' ~ (rader | join(',\n            ')) ~ '\n        ) as karantan_orsak,\n'
        ~ '        case\n            ' ~ (varde | join('\n            ')) ~ '\n        end as karantan_varde') }}
{%- endmacro %}
