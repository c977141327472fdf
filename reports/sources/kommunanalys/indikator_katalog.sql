-- The indicator catalogue (names, units, direction) that the indicator pages show.
select indikator_id, indikator_namn, beskrivning, omrade, enhet, riktning, period_typer, status
from konfig.indikator_katalog
order by indikator_id
