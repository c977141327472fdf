{#- The project's parameters: every [I]/[U] assumption and every choice a municipality may make that is not a seed row
    is a dbt var, read through installning(name), with its default stated here and nowhere else. Override with
    --vars '{name: value}' or under `vars:` in dbt_project.yml. The effective values of a build are in the model
    int_installningar (schema indikatorer_intermediate), so that a reader of the marts (and the export's manifest)
    can see what the build ran with. Documented in macros/_macros.yml. -#}

{% macro installning_standardvarden() -%}
    {{ return({
        'kpb_max_ordning': 5,
        'kpb_volymtyp': {},
        'kpb_lss_omraden': ['lss'],
        'kpb_aldersgrans_aldreomsorg': 65,
        'kpb_bruttokostnad_kontoklasser': ['4', '5', '6', '7'],
        'kpb_overhead_exkluderade_verksamheter': ['9'],
        'kpb_ytterfall_referensinsats': 'SABO',
        'kpb_sarskilt_boende_min_dygn': 1,
        'kpb_rs_verksamhet_siffror': 3,
        'kpb_projektion_ar': 10,
        'sip_admin_kommun_i_kpb': true,
        'sip_utlosande_vardtillfalle_dagar': 30,
        'undertryck_min_personer': 5,
        'ukd_regelverk': 'kalmar',
        'ukd_berakningsdatum': none,
        'ukd_medel_population': 'underrattade',
        'aterinskrivning_vardformer': ['somatik'],
        'sip_fonster_efter_utskrivning_dagar': 30,
        'sip_aktivitet': 'SIP',
        'standardbefolkning': 'ESP2013',
        'utfall_komplett_allvarlighet': 'warn',
        'utfall_mal_periodtyper': ['ar'],
        'utfall_mal_endast_alla': true,
        'aterinskrivning_dag_fran': 1,
        'aterinskrivning_dag_till': 30,
        'kpb_prognosmetod': 'foregaende_ars_profil',
        'gnv_bedomning_max_dygn': 3,
    }) }}
{%- endmacro %}

{% macro installning(name) -%}
    {%- set defaults = installning_standardvarden() -%}
    {%- if name not in defaults -%}
        {{ exceptions.raise_compiler_error("installning: unknown parameter '" ~ name ~ "' (known: "
            ~ (defaults.keys() | sort | join(', ')) ~ ")") }}
    {%- endif -%}
    {%- set value = var(name, defaults[name]) -%}
    {#- a var given on the command line is YAML, so a number stays a number; a string where the default is not one
        (e.g. sqlfluff's templater, whose var() returns a placeholder string) falls back to the default -#}
    {%- if value is string and defaults[name] is not none and defaults[name] is not string -%}
        {{ return(defaults[name]) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}
