module gosteps/step06-stack

go 1.26.0
