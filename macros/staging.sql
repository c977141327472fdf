{#- The list of the staging base models and the union of their rows (karantan, radavstamning). The staging
    macros themselves are in macros/staging/: kallor.sql (where the files are), granskning.sql (the pre-read
    check), raw_filer.sql (reading them), celler.sql and parsning.sql (parsing and checking cells),
    personnummer.sql, leveranser.sql (resolving the deliveries) and staging_bas.sql (a base model's SQL). -#}

{#- The staging base models, one per file of the input contract, with the source system, the table, the prefix of
    the columns that say which file and line was read (kalla; harledd for the runner's files) and the root that
    file is relative to. karantan and radavstamning are built from this list. -#}
{% macro staging_basmodeller() -%}
    {{ return([
        {'system': 'ekonomi', 'tabell': 'huvudbok', 'modell': 'base_ekonomi__huvudbok'},
        {'system': 'ekonomi', 'tabell': 'budget', 'modell': 'base_ekonomi__budget'},
        {'system': 'verksamhet', 'tabell': 'insatser', 'modell': 'base_verksamhet__insatser'},
        {'system': 'scb', 'tabell': 'befolkning', 'modell': 'base_scb__befolkning'},
        {'system': 'region', 'tabell': 'vardtillfallen', 'modell': 'base_region__vardtillfallen'},
        {'system': 'region', 'tabell': 'kva', 'modell': 'base_region__kva'},
        {'system': 'samsa', 'tabell': 'utskrivning', 'modell': 'base_samsa__utskrivning'},
        {'system': 'samsa', 'tabell': 'sip', 'modell': 'base_samsa__sip_handelser'},
        {'system': 'enkat', 'tabell': 'sip_delaktighet_blad', 'modell': 'base_enkat__sip_delaktighet',
            'prefix': 'harledd', 'rot': 'derived'},
        {'system': 'enkat', 'tabell': 'sip_delaktighet_svar', 'modell': 'base_enkat__sip_delaktighet_svar',
            'prefix': 'harledd', 'rot': 'derived'},
        {'system': 'granskning', 'tabell': 'sip_granskning', 'modell': 'base_granskning__sip_granskning'},
        {'system': 'tid', 'tabell': 'sip_tid', 'modell': 'base_tid__sip_tid'},
        {'system': 'extern', 'tabell': 'kolada', 'modell': 'base_extern__kolada'},
        {'system': 'avvikelser', 'tabell': 'avvikelser', 'modell': 'base_avvikelser__avvikelser'},
        {'system': 'primarvard', 'tabell': 'kontakter', 'modell': 'base_primarvard__kontakter'},
        {'system': 'nationell_enkat', 'tabell': 'andelar', 'modell': 'base_nationell_enkat__andelar'},
    ]) }}
{%- endmacro %}

{#- the rows of one base model with the file they were read from: kalla_system, kalla_tabell, kalla_rot, kalla_fil,
    kalla_rad and the model's own columns named in kolumner (SQL select items) -#}
{% macro staging_basrader(m, kolumner) -%}
    select
        '{{ m.system }}' as kalla_system,
        '{{ m.tabell }}' as kalla_tabell,
        '{{ m.rot | default("raw") }}' as kalla_rot,
        {{ m.prefix | default('kalla') }}_fil as kalla_fil,
        {{ m.prefix | default('kalla') }}_rad as kalla_rad,
        {{ kolumner | join(',\n        ') }}
    from {{ ref(m.modell) }}
{%- endmacro %}

{#- staging_basrader of every base model, optionally filtered (SQL condition), as one union all. Called without the
    package prefix so that sqlfluff's jinja templater can render the models that use it. -#}
{% macro staging_basunion(kolumner, villkor=none) -%}
    {%- set delar = [] -%}
    {%- for m in staging_basmodeller() -%}
        {%- do delar.append(staging_basrader(m, kolumner) ~ ('\n    where ' ~ villkor if villkor else '')) -%}
    {%- endfor -%}
    {{ return(delar | join('\n\n    union all\n\n    ')) }}
{%- endmacro %}
