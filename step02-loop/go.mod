module gosteps/step02-loop

go 1.26.0
