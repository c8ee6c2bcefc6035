module gosteps/step05-local

go 1.26.0
