module gosteps/step03-goroutines

go 1.26.0
