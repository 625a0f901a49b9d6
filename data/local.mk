## The worked example: a streaming service's campaign of "viewing
## factoids" about its subscribers, assessed from screening to sign-off,
## as a dpia record; `dpia import` loads it.
dist_examples_DATA += data/examples/streaming-factoids.xml
