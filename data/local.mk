## The worked example: the streaming service's "viewing factoids"
## campaign (DOMAIN.md) as a dpia record; `dpia import` loads it.
dist_examples_DATA += data/examples/streaming-factoids.xml
