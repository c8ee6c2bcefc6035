module gosteps/step07-pool

go 1.26.0
